//! Delta debugging over a program's statement tree: remove runs of statements (halves,
//! quarters, ... single ones) from every block, unwrap compound statements into their
//! clauses' bodies and drop optional clauses, keeping each edit that still diverges,
//! until no edit does.

use super::program::{Node, size};

/// A statement list inside the tree: indices alternate node, clause, node, clause...
type ListPath = Vec<usize>;

fn list_mut<'a>(nodes: &'a mut Vec<Node>, path: &[usize]) -> &'a mut Vec<Node> {
    match path {
        [] => nodes,
        [node, clause, rest @ ..] => match &mut nodes[*node] {
            Node::Compound(clauses) => list_mut(&mut clauses[*clause].body, rest),
            Node::Line { .. } => unreachable!("a list path goes through compound nodes"),
        },
        _ => unreachable!("a list path has an even length"),
    }
}

fn lists(nodes: &[Node], prefix: &mut ListPath, out: &mut Vec<ListPath>) {
    out.push(prefix.clone());
    for (i, node) in nodes.iter().enumerate() {
        if let Node::Compound(clauses) = node {
            for (c, clause) in clauses.iter().enumerate() {
                prefix.extend([i, c]);
                lists(&clause.body, prefix, out);
                prefix.truncate(prefix.len() - 2);
            }
        }
    }
}

fn all_lists(nodes: &[Node]) -> Vec<ListPath> {
    let mut out = Vec::new();
    lists(nodes, &mut Vec::new(), &mut out);
    out
}

enum Edit {
    Remove { start: usize, len: usize },
    Unwrap { index: usize, clause: usize },
    DropClause { index: usize, clause: usize },
}

fn apply(nodes: &[Node], path: &[usize], edit: &Edit) -> Option<Vec<Node>> {
    let mut copy = nodes.to_vec();
    let list = list_mut(&mut copy, path);
    match *edit {
        Edit::Remove { start, len } => {
            if start + len > list.len() || list[start..start + len].iter().any(|n| matches!(n, Node::Line { pinned: true, .. })) {
                return None;
            }
            list.drain(start..start + len);
        }
        Edit::Unwrap { index, clause } => {
            let Some(Node::Compound(clauses)) = list.get(index) else { return None };
            let body = clauses.get(clause)?.body.clone();
            list.splice(index..index + 1, body);
        }
        Edit::DropClause { index, clause } => {
            let Some(Node::Compound(clauses)) = list.get_mut(index) else { return None };
            if clause == 0 || clause >= clauses.len() {
                return None;
            }
            clauses.remove(clause);
        }
    }
    Some(copy)
}

/// The smallest program reachable from `nodes` by single edits for which
/// `interesting` holds (it must hold for `nodes`).
pub fn shrink(mut nodes: Vec<Node>, interesting: &mut dyn FnMut(&[Node]) -> bool) -> Vec<Node> {
    loop {
        let before = size(&nodes);
        // Runs of statements, largest first, in every list.
        let mut chunk = nodes.len().max(1).next_power_of_two();
        while chunk >= 1 {
            let mut li = 0;
            while li < all_lists(&nodes).len() {
                let path = all_lists(&nodes)[li].clone();
                let mut start = 0;
                while start < list_mut(&mut nodes.clone(), &path).len() {
                    match apply(&nodes, &path, &Edit::Remove { start, len: chunk }) {
                        Some(candidate) if interesting(&candidate) => nodes = candidate,
                        _ => start += chunk,
                    }
                }
                li += 1;
            }
            chunk /= 2;
        }
        // Compound statements: replace by a clause's body, or drop a clause.
        let mut li = 0;
        while li < all_lists(&nodes).len() {
            let path = all_lists(&nodes)[li].clone();
            let mut index = 0;
            while index < list_mut(&mut nodes.clone(), &path).len() {
                let clauses = match &list_mut(&mut nodes.clone(), &path)[index] {
                    Node::Compound(c) => c.len(),
                    Node::Line { .. } => 0,
                };
                let mut changed = false;
                for clause in 0..clauses {
                    for edit in [Edit::Unwrap { index, clause }, Edit::DropClause { index, clause }] {
                        if let Some(candidate) = apply(&nodes, &path, &edit)
                            && interesting(&candidate)
                        {
                            nodes = candidate;
                            changed = true;
                            break;
                        }
                    }
                    if changed {
                        break;
                    }
                }
                if !changed {
                    index += 1;
                }
            }
            li += 1;
        }
        if size(&nodes) >= before {
            return nodes;
        }
    }
}
