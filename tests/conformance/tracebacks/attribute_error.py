class K:
    def m(self):
        return self.nope


def main():
    print("start")
    K().m()


main()
