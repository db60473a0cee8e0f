using Broadsheet.Reader;

namespace Broadsheet.Tests.Unit;

public class PooledBufferTests
{
    [Fact]
    public async Task Keeps_every_byte_written_past_its_first_array_and_refuses_use_after_dispose()
    {
        var expected = Enumerable.Range(0, 100_000).Select(i => (byte)(i * 31)).ToArray();
        var buffer = new PooledBuffer(16);
        buffer.WriteByte(expected[0]);
        buffer.Write(expected, 1, 999);
        await buffer.WriteAsync(expected.AsMemory(1000, 50_000), TestContext.Current.CancellationToken);
        buffer.Write(expected.AsSpan(51_000));

        Assert.Equal(expected.Length, buffer.Length);
        Assert.Equal(expected, buffer.Written.ToArray());
        buffer.Dispose();
        Assert.False(buffer.CanWrite);
        Assert.Throws<ObjectDisposedException>(() => buffer.WriteByte(1));
    }
}
