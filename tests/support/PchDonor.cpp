// The translation unit that builds the tests' shared precompiled header (tests/CMakeLists.txt,
// vigil_test_pch). It has nothing of its own.
