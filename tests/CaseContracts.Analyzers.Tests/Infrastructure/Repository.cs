using System;
using System.IO;

namespace CaseContracts.Analyzers.Tests.Infrastructure;

/// <summary>The repository the tests run from (the folder holding CaseContracts.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CaseContracts.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CaseContracts.sln not found above " + AppContext.BaseDirectory);
    }
}
