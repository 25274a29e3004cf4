// The whole of nines-gui behind main(): command line, window, headless screenshots and timing.
#pragma once

namespace nines::gui {

/// Runs nines-gui. Exit status: 0; 2 for a bad model or command line, or a --plot document that
/// is not a sweep of one or two keys (message on stderr); 1 when a screenshot or a plot cannot be
/// written.
int gui_main(int argc, char** argv);

}  // namespace nines::gui
