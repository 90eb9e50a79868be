print("never runs")
class C:
