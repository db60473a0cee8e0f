using System.Runtime.InteropServices;
using Broadsheet.Operations;

namespace Broadsheet.Tests.Operations;

/// <summary>The native heap's free pages go back to the operating system (glibc's malloc_trim, as NativeHeapTrim calls it).</summary>
public sealed class NativeHeapTrimTests
{
    [Fact]
    public void Memory_freed_below_a_live_block_is_released()
    {
        Assert.True(NativeHeapTrim.Trim());
        // Another app of the test process may trim between the frees and this trim (its periodic turn) and leave
        // nothing to release: one of three rounds is enough.
        var released = false;
        for (var round = 0; round < 3 && !released; round++)
        {
            var blocks = new nint[1024];
            var bytes = new byte[16 * 1024];
            for (var i = 0; i < blocks.Length; i++)
            {
                // 16 KB (malloc), under glibc's mmap threshold: from the heap, written so that its pages are resident.
                blocks[i] = Marshal.AllocHGlobal(bytes.Length);
                Marshal.Copy(bytes, 0, blocks[i], bytes.Length);
            }
            // The last block stays allocated, so the freed ones sit below it, where free() itself never gives memory back.
            for (var i = 0; i < blocks.Length - 1; i++)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
            released = NativeHeapTrim.MallocTrim(0) == 1;
            Marshal.FreeHGlobal(blocks[^1]);
        }
        Assert.True(released);
    }
}
