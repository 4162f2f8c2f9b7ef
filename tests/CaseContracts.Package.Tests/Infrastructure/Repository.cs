using System;
using System.IO;

namespace CaseContracts.Package.Tests.Infrastructure;

/// <summary>The checkout this test runs from: where build/pack.sh and schema/ are.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] relative) => Path.Combine([Root, .. relative]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CaseContracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CaseContracts.sln above {AppContext.BaseDirectory}.");
    }
}
