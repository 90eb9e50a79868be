//! A generated program as a statement tree (so the shrinker can remove statements and
//! unwrap blocks while the result stays indented correctly) and its rendering.

#[derive(Clone, Debug)]
pub enum Node {
    /// A simple statement. A pinned one (a `while` loop's counter step) is never
    /// removed: without it the program would not terminate.
    Line { text: String, pinned: bool },
    /// A compound statement: `if`/`elif`/`else`, `while`/`else`, `try`/`except`/`finally`,
    /// `def`, `class`. The first clause is the head; the others may be dropped alone.
    Compound(Vec<Clause>),
}

#[derive(Clone, Debug)]
pub struct Clause {
    pub head: String,
    pub body: Vec<Node>,
}

impl Node {
    pub fn line(text: impl Into<String>) -> Node {
        Node::Line { text: text.into(), pinned: false }
    }

    pub fn pinned(text: impl Into<String>) -> Node {
        Node::Line { text: text.into(), pinned: true }
    }

    pub fn block(head: impl Into<String>, body: Vec<Node>) -> Node {
        Node::Compound(vec![Clause { head: head.into(), body }])
    }

    /// How many nodes this subtree holds (itself included).
    pub fn size(&self) -> usize {
        match self {
            Node::Line { .. } => 1,
            Node::Compound(clauses) => 1 + clauses.iter().map(|c| size(&c.body)).sum::<usize>(),
        }
    }
}

pub fn size(nodes: &[Node]) -> usize {
    nodes.iter().map(Node::size).sum()
}

/// The program's source text.
pub fn render(nodes: &[Node]) -> String {
    let mut out = String::new();
    render_into(nodes, 0, &mut out);
    out
}

fn render_into(nodes: &[Node], indent: usize, out: &mut String) {
    if nodes.is_empty() && indent > 0 {
        push_line(out, indent, "pass");
    }
    for node in nodes {
        match node {
            Node::Line { text, .. } => push_line(out, indent, text),
            Node::Compound(clauses) => {
                for clause in clauses {
                    push_line(out, indent, &clause.head);
                    render_into(&clause.body, indent + 1, out);
                }
            }
        }
    }
}

fn push_line(out: &mut String, indent: usize, text: &str) {
    for _ in 0..indent {
        out.push_str("    ");
    }
    out.push_str(text);
    out.push('\n');
}
