using System;
using System.IO;

namespace CaseServer.Tests.Infrastructure;

/// <summary>A fresh directory under the system's temporary folder, deleted on dispose.</summary>
public sealed class TemporaryDirectory : IDisposable
{
    /// <summary>Creates the directory.</summary>
    public TemporaryDirectory() => Directory.CreateDirectory(Root);

    /// <summary>The directory's path.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "caseserver-" + Guid.NewGuid().ToString("N"));

    /// <summary>A path inside the directory.</summary>
    public string File(string name) => Path.Combine(Root, name);

    /// <inheritdoc/>
    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
