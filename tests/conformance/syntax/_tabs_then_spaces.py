if True:
	pass
        pass
