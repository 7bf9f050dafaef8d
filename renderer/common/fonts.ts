// Fonts travel with the app (from npm) so no candidate screen depends on what the machine has installed:
// Latin, Cyrillic and Greek (Noto Sans), Arabic script for ar and fa, Ethiopic for Tigrinya.
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import '@fontsource/noto-sans-ethiopic/400.css';
import '@fontsource/noto-sans-ethiopic/700.css';
