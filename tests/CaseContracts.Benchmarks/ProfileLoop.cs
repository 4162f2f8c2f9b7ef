using System;
using System.Diagnostics;
using System.Globalization;

namespace CaseContracts.Benchmarks;

/// <summary>
/// Runs one benchmark method in a plain loop, without BenchmarkDotNet around it, so an instruction counter can
/// measure it: wall-clock time is noisy on a shared machine, instruction counts are not. Per-call cost is the
/// difference between two runs divided by the difference in calls (start-up and JIT cancel out):
/// <c>valgrind --tool=callgrind dotnet CaseContracts.Benchmarks.dll --loop CaseContracts api-page-example 20000</c>.
/// It also prints the bytes allocated per call, and with <c>--time</c> a quick native time.
/// </summary>
internal static class ProfileLoop
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["--loop", var method, var input, var countText, ..] || args.Length > 5 || (args.Length == 5 && args[4] != "--time"))
        {
            return false;
        }

        var benchmark = new ParseAndValidate { Input = input };
        var corpus = new CorpusValidation { Schema = input };
        Action run = method switch
        {
            // The corpus rows take the schema's file stem as the input: `--loop Corpus popxf-1.0 200 --time`.
            "Corpus" => () => corpus.CaseContracts(),
            // The competitors on the same documents, for the ratio without a full BenchmarkDotNet run.
            "CorpusJsonSchemaNet" => () => corpus.JsonSchemaNet(),
            "CorpusNJsonSchema" => () => corpus.NJsonSchema(),
            "CorpusReadOnce" => () => corpus.ReadOnce(),
            nameof(ParseAndValidate.SystemTextJson) => () => benchmark.SystemTextJson(),
            nameof(ParseAndValidate.CaseContracts) => () => benchmark.CaseContracts(),
            nameof(ParseAndValidate.HandWritten) => () => benchmark.HandWritten(),
            _ => throw new ArgumentException("Unknown benchmark method: " + method),
        };

        if (method.StartsWith("Corpus", StringComparison.Ordinal))
        {
            corpus.Setup();
        }
        else
        {
            benchmark.Setup();
        }

        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        var tokensBefore = corpus.TokensRead;
        run();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        if (corpus.TokensRead is { } tokens)
        {
            // Counted (CASECONTRACTS_COUNT_TOKENS=1): the warm-up call and the loop's calls.
            Console.WriteLine($"{method} {input}: {(tokens - tokensBefore!.Value) / (count + 1)} tokens read per call (counting build, not for timing)");
            return true;
        }

        if (args.Length == 4)
        {
            Console.WriteLine($"{method} {input}: {allocated / count} B allocated per call");
            return true;
        }

        // With --time, a quick native time too: the fastest of a few rounds, which other processes can only slow down.
        // The CPU time of the calling thread as well: on a machine shared with other processes the wall clock counts
        // the time this thread waits for a core, its CPU time does not.
        // More rounds (CASECONTRACTS_LOOP_ROUNDS) make the fastest more likely to be one that ran undisturbed.
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("CASECONTRACTS_LOOP_ROUNDS"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 5;
        var fastest = double.MaxValue;
        var fastestCpu = double.MaxValue;
        for (var round = 0; round < rounds; round++)
        {
            var cpu = ThreadCpuNanoseconds();
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                run();
            }

            fastest = Math.Min(fastest, watch.Elapsed.TotalNanoseconds / count);
            fastestCpu = Math.Min(fastestCpu, (ThreadCpuNanoseconds() - cpu) / count);
        }

        Console.WriteLine($"{method} {input}: {allocated / count} B allocated, {fastest:F0} ns per call, {fastestCpu:F0} ns of thread CPU time (fastest of {rounds} rounds)");
        return true;
    }

    /// <summary>The calling thread's CPU time (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>), in nanoseconds.</summary>
    private static double ThreadCpuNanoseconds()
    {
        var time = default(TimeSpec);
        return ClockGetTime(3, ref time) == 0 ? (time.Seconds * 1e9) + time.Nanoseconds : double.NaN;
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, ref TimeSpec time);

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
