using System;
using System.Runtime;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace CaseServer.Hosting;

/// <summary>
/// For memory tests only: in Development, and only when the environment variable <see cref="Variable"/> is 1,
/// SIGUSR1 makes the server collect its garbage (a full, compacting collection that gives memory back) and print
/// its working set. Not an endpoint: only the server's own user (or root) can signal the process, and the most a
/// signal does is a collection.
/// </summary>
public static class CollectOnSignal
{
    /// <summary>The environment variable that turns the hook on.</summary>
    public const string Variable = "CASESERVER_TEST_COLLECT_ON_SIGUSR1";

    /// <summary>The line printed after each collection, followed by the working set in bytes.</summary>
    public const string Marker = "collected; working set bytes: ";

    // SIGUSR1 on Linux; .NET accepts raw signal numbers cast to PosixSignal.
    private const int Sigusr1 = 10;

    /// <summary>Registers the hook when it is asked for; the registration lives as long as the process.</summary>
    public static IDisposable? RegisterIfAsked(IHostEnvironment environment)
    {
        if (!environment.IsDevelopment() || Environment.GetEnvironmentVariable(Variable) != "1" || !OperatingSystem.IsLinux())
        {
            return null;
        }

        return PosixSignalRegistration.Create((PosixSignal)Sigusr1, context =>
        {
            context.Cancel = true;
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Console.Out.WriteLine(Marker + Environment.WorkingSet.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Console.Out.Flush();
        });
    }
}
