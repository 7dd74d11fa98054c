from kirok.cli import main

main()
