using System;
using System.Globalization;

namespace CaseContracts.Benchmarks;

/// <summary>
/// Runs one benchmark method in a plain loop, without BenchmarkDotNet around it, so an instruction counter can
/// measure it: wall-clock time is noisy on a shared machine, instruction counts are not. Per-call cost is the
/// difference between two runs divided by the difference in calls (start-up and JIT cancel out):
/// <c>valgrind --tool=callgrind dotnet CaseContracts.Benchmarks.dll --loop CaseContracts api-page-example 20000</c>.
/// It also prints the bytes allocated per call.
/// </summary>
internal static class ProfileLoop
{
    public static bool TryRun(string[] args)
    {
        if (args is not ["--loop", var method, var input, var countText])
        {
            return false;
        }

        var benchmark = new ParseAndValidate { Input = input };
        benchmark.Setup();
        Action run = method switch
        {
            nameof(ParseAndValidate.SystemTextJson) => () => benchmark.SystemTextJson(),
            nameof(ParseAndValidate.CaseContracts) => () => benchmark.CaseContracts(),
            nameof(ParseAndValidate.HandWritten) => () => benchmark.HandWritten(),
            _ => throw new ArgumentException("Unknown benchmark method: " + method),
        };

        var count = int.Parse(countText, CultureInfo.InvariantCulture);
        run();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++)
        {
            run();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        Console.WriteLine($"{method} {input}: {allocated / count} B allocated per call");
        return true;
    }
}
