using System.Runtime.InteropServices;

namespace Broadsheet.Speech;

/// <summary>Loads a native library by name and resolves exports, turning failures into messages instead of exceptions.</summary>
internal sealed class NativeLibraryHandle
{
    private NativeLibraryHandle(string name, nint handle)
    {
        Name = name;
        Handle = handle;
    }

    public string Name { get; }

    public nint Handle { get; }

    /// <summary>Tries each candidate name in turn (e.g. the versioned soname first).</summary>
    public static NativeLibraryHandle? TryLoad(IEnumerable<string> candidates, out string? error)
    {
        var failures = new List<string>();
        foreach (var name in candidates)
        {
            try
            {
                var handle = NativeLibrary.Load(name);
                error = null;
                return new NativeLibraryHandle(name, handle);
            }
            catch (DllNotFoundException ex)
            {
                failures.Add(FirstLine(ex.Message));
            }
            catch (BadImageFormatException ex)
            {
                failures.Add(FirstLine(ex.Message));
            }
        }

        error = failures.Count == 0 ? "no library name given" : string.Join("; ", failures.Distinct());
        return null;
    }

    /// <summary>Resolves an exported symbol; throws <see cref="EntryPointNotFoundException"/> with a clear message when missing.</summary>
    public nint Export(string symbol) =>
        NativeLibrary.TryGetExport(Handle, symbol, out var address)
            ? address
            : throw new EntryPointNotFoundException($"{Name} does not export '{symbol}'.");

    private static string FirstLine(string message)
    {
        var nl = message.IndexOfAny(['\r', '\n']);
        return nl < 0 ? message : message[..nl];
    }
}

/// <summary>Small helpers for passing strings to and from C.</summary>
internal static class Utf8
{
    /// <summary>Null-terminated UTF-8 bytes.</summary>
    public static byte[] Z(string s)
    {
        var count = System.Text.Encoding.UTF8.GetByteCount(s);
        var bytes = new byte[count + 1];
        System.Text.Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    public static string? FromPointer(nint p) => p == 0 ? null : Marshal.PtrToStringUTF8(p);
}
