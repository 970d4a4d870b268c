using System.Runtime.InteropServices;
using System.Text;

namespace ModScope.Ingest;

/// <summary>
/// What a path is on disk, asked of the operating system without opening it (opening a FIFO waits for a
/// writer, reading a device never ends), and its canonical path (every symbolic link resolved). .NET reports
/// FIFOs and devices as ordinary files, so this asks <c>stat</c> through the runtime's own native shim and
/// <c>realpath</c> from the C library. On Windows (no FIFOs or device files among paths) every file is regular.
/// </summary>
internal static class FileNode
{
    // POSIX file type bits of st_mode, which the runtime's shim passes through unchanged.
    private const int TypeMask = 0xF000;
    private const int PathMax = 4096;

    /// <summary>The kind of node at <paramref name="path"/>, following symbolic links.</summary>
    public static NodeKind Kind(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Directory.Exists(path) ? NodeKind.Directory : File.Exists(path) ? NodeKind.Regular : NodeKind.Missing;
        }
        if (Stat(Terminated(path), out var status) != 0)
        {
            return Marshal.GetLastPInvokeError() == Loop ? NodeKind.LinkLoop : NodeKind.Missing;
        }
        return (status.Mode & TypeMask) switch
        {
            0x8000 => NodeKind.Regular,
            0x4000 => NodeKind.Directory,
            0x1000 => NodeKind.Fifo,
            0x2000 => NodeKind.CharacterDevice,
            0x6000 => NodeKind.BlockDevice,
            0xC000 => NodeKind.Socket,
            _ => NodeKind.Other,
        };
    }

    /// <summary>The canonical absolute path (links resolved), or null when it cannot be resolved (missing, a loop).</summary>
    public static string? RealPath(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(path);
        }
        var buffer = new byte[PathMax + 1];
        if (RealPath(Terminated(path), buffer) == IntPtr.Zero)
        {
            return null;
        }
        return Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0));
    }

    /// <summary>A human name for a kind that is not loaded.</summary>
    public static string Describe(NodeKind kind) => kind switch
    {
        NodeKind.Fifo => "a FIFO (named pipe)",
        NodeKind.CharacterDevice => "a character device",
        NodeKind.BlockDevice => "a block device",
        NodeKind.Socket => "a socket",
        NodeKind.LinkLoop => "a symbolic link loop",
        NodeKind.Missing => "a symbolic link to nothing",
        NodeKind.Directory => "a directory",
        _ => "not a regular file",
    };

    /// <summary>The path as the C library takes it: UTF-8 bytes ending in NUL.</summary>
    private static byte[] Terminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

    // ELOOP on Linux and macOS.
    private static int Loop => OperatingSystem.IsMacOS() ? 62 : 40;

    /// <summary>The start of the runtime's FileStatus (System.Native's pal_io.h); the rest is room to spare.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeStatus
    {
        public int Flags;
        public int Mode;
        [MarshalAs(UnmanagedType.ByValArray, SizeConst = 64)]
        public long[] Rest;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
    private static extern int Stat(byte[] path, out NativeStatus status);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr RealPath(byte[] path, byte[] resolved);
}
