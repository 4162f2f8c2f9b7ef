using System;
using System.IO;

namespace CaseContracts.Tests;

/// <summary>
/// The checkout the tests run from: the folder holding CaseContracts.sln (schema/, docs/, build/ are there).
/// One file, linked into every test project that reads the repository.
/// </summary>
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
