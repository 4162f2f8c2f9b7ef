using System;
using System.IO;

namespace CaseServer.Cases.Storage;

/// <summary>
/// The database file was deleted or replaced while the server ran: a write may have gone to a file nobody
/// will ever open again, so it is not acknowledged (the client gets a 500) and every later write is refused
/// until the server is restarted (which says at Warning level that it creates a new database).
/// </summary>
public sealed class StorageIdentityException : IOException
{
    /// <summary>The database at <paramref name="path"/> is no longer the file opened at start-up.</summary>
    public StorageIdentityException(string path)
        : base($"The database file '{path}' was deleted or replaced while the server was running; writes are refused until the server is restarted. "
            + "Anything written since then is not in the file at that path.")
    {
        Path = path;
    }

    /// <summary>The database file's path.</summary>
    public string Path { get; }
}
