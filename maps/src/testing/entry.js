// The entry of the test build (node build.mjs --test-hook): the viewer with its test hook. The served bundle's entry
// is main.js alone, so the hook and what it exposes are not in it.
import './hook.js';
import '../main.js';
