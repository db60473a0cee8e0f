using System.Buffers;
using System.Buffers.Binary;

namespace Broadsheet.Speech;

/// <summary>
/// Writes one logical Ogg bitstream (RFC 3533): packets are laced into pages with CRC-32 checksums, page sequence
/// numbers and granule positions.
/// </summary>
internal sealed class OggPageWriter
{
    /// <summary>Header-type flag: the page continues a packet from the previous page.</summary>
    public const byte Continued = 0x01;

    /// <summary>Header-type flag: beginning of stream.</summary>
    public const byte BeginningOfStream = 0x02;

    /// <summary>Header-type flag: end of stream.</summary>
    public const byte EndOfStream = 0x04;

    private const int MaxSegments = 255;

    private readonly Stream _output;
    private readonly uint _serial;
    private readonly List<byte> _lacing = new(MaxSegments);
    private readonly ArrayBufferWriter<byte> _body = new(8192);
    private uint _sequence;
    private bool _bosWritten;
    private bool _continuedPage;
    private bool _packetEndedOnPage;
    private long _granuleOfLastCompletedPacket = -1;

    public OggPageWriter(Stream output, uint serial)
    {
        _output = output;
        _serial = serial;
    }

    /// <summary>Bytes written to the output so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Pages written so far.</summary>
    public uint PagesWritten => _sequence;

    /// <summary>Bytes of packet data waiting in the current, unwritten page.</summary>
    public int PendingBodyBytes => _body.WrittenCount;

    /// <summary>
    /// Adds a packet. <paramref name="granule"/> is the stream position after the packet (for Opus: 48 kHz samples,
    /// pre-skip included). Fills pages, spilling into new pages when the 255-segment lacing table is full.
    /// </summary>
    public void WritePacket(ReadOnlySpan<byte> packet, long granule)
    {
        var remaining = packet;
        var started = false;
        while (true)
        {
            var free = MaxSegments - _lacing.Count;
            if (free == 0)
            {
                FlushPage(false);
                _continuedPage = started; // the rest of this packet continues on the next page
                continue;
            }

            var full = remaining.Length / 255;
            if (full < free)
            {
                // The packet ends on this page: full 255-byte segments, then a final segment of 0..254 bytes.
                for (var i = 0; i < full; i++)
                {
                    _lacing.Add(255);
                }

                _lacing.Add((byte)(remaining.Length % 255));
                _body.Write(remaining);
                _packetEndedOnPage = true;
                _granuleOfLastCompletedPacket = granule;
                return;
            }

            // Fill the page with 255-byte segments; the packet goes on.
            for (var i = 0; i < free; i++)
            {
                _lacing.Add(255);
            }

            _body.Write(remaining[..(free * 255)]);
            remaining = remaining[(free * 255)..];
            started = true;
        }
    }

    /// <summary>Writes the pending page (if any). A page on which no packet ends gets granule position -1.</summary>
    /// <param name="endOfStream">Marks the page as the last of the stream.</param>
    /// <param name="granuleOverride">Overrides the page's granule position (used for end trimming on the last page).</param>
    public void FlushPage(bool endOfStream, long? granuleOverride = null)
    {
        if (_lacing.Count == 0 && !endOfStream)
        {
            return;
        }

        byte flags = 0;
        if (_continuedPage)
        {
            flags |= Continued;
        }

        if (!_bosWritten)
        {
            flags |= BeginningOfStream;
            _bosWritten = true;
        }

        if (endOfStream)
        {
            flags |= EndOfStream;
        }

        var granule = granuleOverride ?? (_packetEndedOnPage ? _granuleOfLastCompletedPacket : -1);
        var headerLength = 27 + _lacing.Count;
        var page = new byte[headerLength + _body.WrittenCount];
        "OggS"u8.CopyTo(page);
        page[4] = 0; // version
        page[5] = flags;
        BinaryPrimitives.WriteInt64LittleEndian(page.AsSpan(6, 8), granule);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(14, 4), _serial);
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(18, 4), _sequence);
        // bytes 22..25: CRC, zero while computing
        page[26] = (byte)_lacing.Count;
        for (var i = 0; i < _lacing.Count; i++)
        {
            page[27 + i] = _lacing[i];
        }

        _body.WrittenSpan.CopyTo(page.AsSpan(headerLength));
        BinaryPrimitives.WriteUInt32LittleEndian(page.AsSpan(22, 4), OggCrc.Compute(page));
        _output.Write(page);
        BytesWritten += page.Length;
        _sequence++;
        _lacing.Clear();
        _body.ResetWrittenCount();
        _continuedPage = false;
        _packetEndedOnPage = false;
    }
}

/// <summary>The Ogg CRC-32: polynomial 0x04C11DB7, initial value 0, no bit reflection, no final XOR.</summary>
internal static class OggCrc
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data)
        {
            crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++)
            {
                r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            }

            table[i] = r;
        }

        return table;
    }
}
