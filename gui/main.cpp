// nines-gui: the what-if workbench; everything is in the nines::gui library.
#include "nines/gui/gui_main.hpp"

int main(int argc, char** argv) { return nines::gui::gui_main(argc, argv); }
