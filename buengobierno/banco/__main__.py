from buengobierno.banco.medir import main

main()
