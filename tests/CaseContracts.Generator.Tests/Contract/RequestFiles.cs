using System;
using System.IO;

namespace CaseContracts.Generator.Tests.Contract;

/// <summary>The example request bodies under TestData/requests, copied to the test output.</summary>
internal static class RequestFiles
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "requests", name));
}
