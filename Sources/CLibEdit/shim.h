// libedit (BSD editline), never GNU readline: its headers are also installed on Debian.
#include <stdio.h>
#include <editline/readline.h>
