using System.Buffers.Binary;

namespace Broadsheet.Speech.Tests;

/// <summary>An independent, strict Ogg page parser used to check the writer (RFC 3533).</summary>
internal static class OggReader
{
    public sealed record Page(byte Flags, long Granule, uint Serial, uint Sequence, byte[] Lacing, byte[] Body);

    public static List<Page> ReadPages(byte[] data)
    {
        var pages = new List<Page>();
        var offset = 0;
        while (offset < data.Length)
        {
            Assert.True(data.Length - offset >= 27, $"truncated page header at {offset}");
            Assert.True(data.AsSpan(offset, 4).SequenceEqual("OggS"u8), $"no capture pattern at {offset}");
            Assert.Equal(0, data[offset + 4]);
            var flags = data[offset + 5];
            var granule = BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan(offset + 6));
            var serial = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 14));
            var sequence = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 18));
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(offset + 22));
            var segments = data[offset + 26];
            var lacing = data.AsSpan(offset + 27, segments).ToArray();
            var bodyLength = lacing.Sum(l => l);
            var pageLength = 27 + segments + bodyLength;
            Assert.True(offset + pageLength <= data.Length, $"truncated page body at {offset}");

            var copy = data.AsSpan(offset, pageLength).ToArray();
            copy[22] = copy[23] = copy[24] = copy[25] = 0;
            Assert.Equal(BitwiseCrc(copy), crc);

            pages.Add(new Page(flags, granule, serial, sequence, lacing, data.AsSpan(offset + 27 + segments, bodyLength).ToArray()));
            offset += pageLength;
        }

        return pages;
    }

    /// <summary>Reassembles packets; each comes with the index of the page on which it ends.</summary>
    public static List<(byte[] Packet, int Page)> Packets(List<Page> pages)
    {
        var packets = new List<(byte[], int)>();
        var current = new List<byte>();
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            Assert.Equal(current.Count > 0, (page.Flags & 0x01) != 0); // continuation flag iff a packet is open
            var pos = 0;
            foreach (var l in page.Lacing)
            {
                current.AddRange(page.Body.AsSpan(pos, l).ToArray());
                pos += l;
                if (l < 255)
                {
                    packets.Add(([.. current], p));
                    current.Clear();
                }
            }
        }

        Assert.Empty(current); // no unterminated packet at the end
        return packets;
    }

    /// <summary>CRC-32, polynomial 0x04C11DB7, initial 0, unreflected, computed bit by bit (independent of the writer's table).</summary>
    public static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc ^= (uint)b << 24;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }

        return crc;
    }
}
