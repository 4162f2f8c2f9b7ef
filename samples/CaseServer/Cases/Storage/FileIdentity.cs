using System;
using System.IO;
using System.Runtime.InteropServices;

namespace CaseServer.Cases.Storage;

/// <summary>
/// Which file a path names: device and inode on Linux and macOS (from <c>stat(2)</c>), so a file deleted
/// and created again, or replaced by a rename, is a different file even at the same path. Elsewhere the
/// creation time stands in for the inode. <see cref="Missing"/> when nothing is at the path.
/// </summary>
public readonly record struct FileIdentity(ulong Device, ulong Inode, long CreationTicks)
{
    /// <summary>No file at the path.</summary>
    public static readonly FileIdentity Missing = new(0, 0, -1);

    /// <summary>The identity of the file at <paramref name="path"/> now.</summary>
    public static FileIdentity Of(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if ((OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
            || OperatingSystem.IsMacOS())
        {
            return Stat(path);
        }

        return File.Exists(path) ? new FileIdentity(0, 0, File.GetCreationTimeUtc(path).Ticks) : Missing;
    }

    private static FileIdentity Stat(string path)
    {
        // struct stat is larger than 144 bytes nowhere we read it; 256 leaves room.
        var buffer = new byte[256];
        var result = NativeMethods.stat(path, buffer);

        if (result != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == 2 /* ENOENT */ || errno == 20 /* ENOTDIR */
                ? Missing
                : throw new IOException($"stat({path}) failed with errno {errno}.");
        }

        // Linux x86-64 and arm64 (glibc and musl): st_dev (8 bytes) at 0, st_ino (8 bytes) at 8.
        // macOS (64-bit inodes): st_dev (4 bytes) at 0, st_mode and st_nlink, st_ino (8 bytes) at 8.
        var device = OperatingSystem.IsMacOS() ? BitConverter.ToUInt32(buffer, 0) : BitConverter.ToUInt64(buffer, 0);
        var inode = BitConverter.ToUInt64(buffer, 8);
        return new FileIdentity(device, inode, 0);
    }

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int stat(string path, [Out] byte[] buffer);
    }
}
