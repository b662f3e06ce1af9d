// Without libFuzzer (gcc builds: ci, asan) a fuzz target is a test: it runs every seed of
// corpus/<target>/ and every input of regressions/<target>/ once, so an input that once crashed
// fails the normal test run. VIGIL_FUZZ_INPUTS lists the folders, separated by '|'.
#include "FuzzSupport.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    LLVMFuzzerInitialize(&argc, &argv);
    const std::string folders = VIGIL_FUZZ_INPUTS;
    std::vector<std::filesystem::path> files;
    std::size_t seeds = 0;
    for (std::size_t start = 0; start <= folders.size();) {
        const std::size_t end = std::min(folders.find('|', start), folders.size());
        const std::filesystem::path folder = folders.substr(start, end - start);
        start = end + 1;
        if (!std::filesystem::is_directory(folder))
            continue; // regressions/<target>/ exists only once something crashed
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
                files.push_back(entry.path());
                if (folder.parent_path().filename() == "corpus")
                    ++seeds;
            }
        }
    }
    std::sort(files.begin(), files.end());
    if (seeds == 0) {
        std::fprintf(stderr, "no seed inputs in %s\n", folders.c_str());
        return 1; // a replay that runs nothing must not pass
    }
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        std::printf("replay %s (%zu bytes)\n", file.string().c_str(), data.size());
        std::fflush(stdout);
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(data.data()), data.size());
    }
    std::printf("replayed %zu inputs (%zu seeds)\n", files.size(), seeds);
    return 0;
}
