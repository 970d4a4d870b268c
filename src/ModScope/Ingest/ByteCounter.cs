using System.Buffers;
using System.Text.Unicode;

namespace ModScope.Ingest;

/// <summary>
/// Reads a file's (uncompressed) bytes chunk by chunk, as the hashing pass sees them, and counts what the load
/// needs to know before DuckDB reads the file: its lines (ends <c>\n</c>, <c>\r\n</c> or <c>\r</c>), whether it
/// mixes those ends (DuckDB's CSV reader stops on such a file), whether it is valid UTF-8, and whether any byte
/// could put a control character into a value (a C0 control other than a line end, DEL, or a quote that may
/// enclose a line end). The byte searches are vectorised; no row is parsed.
/// </summary>
internal sealed class ByteCounter
{
    private static readonly SearchValues<byte> MayBeControl = SearchValues.Create(
        [.. Enumerable.Range(0, 32).Where(b => b is not '\n' and not '\r').Select(b => (byte)b), 0x7F, (byte)'"']);

    private long _newlines;
    private long _returns;
    private long _crlf;
    private byte _last = (byte)'\n';
    private bool _validUtf8 = true;
    private bool _controls;
    // A chunk's last bytes may start a UTF-8 sequence the next chunk ends: they are carried over.
    private readonly byte[] _carry = new byte[3];
    private int _carried;

    public void Add(ReadOnlySpan<byte> chunk)
    {
        if (chunk.IsEmpty)
        {
            return;
        }
        _newlines += chunk.Count((byte)'\n');
        var cr = chunk.Count((byte)'\r');
        if (cr > 0 || _last == '\r')
        {
            _returns += cr;
            _crlf += chunk.Count("\r\n"u8) + (_last == '\r' && chunk[0] == '\n' ? 1 : 0);
        }
        _last = chunk[^1];
        _controls = _controls || chunk.ContainsAny(MayBeControl);
        if (_validUtf8)
        {
            CheckUtf8(chunk);
        }
    }

    /// <summary>Lines: every line end, plus an unterminated last line.</summary>
    public long Lines => _newlines + _returns - _crlf + (_last is (byte)'\n' or (byte)'\r' ? 0 : 1);

    /// <summary>More than one kind of line end (<c>\n</c>, <c>\r\n</c>, a lone <c>\r</c>) occurs.</summary>
    public bool MixedLineEnds => (_newlines - _crlf > 0 ? 1 : 0) + (_crlf > 0 ? 1 : 0) + (_returns - _crlf > 0 ? 1 : 0) > 1;

    public bool ValidUtf8 => _validUtf8 && _carried == 0;

    public bool MayHoldControls => _controls;

    private void CheckUtf8(ReadOnlySpan<byte> chunk)
    {
        if (_carried > 0)
        {
            // Finish the sequence the carried bytes begin with this chunk's first bytes, and check it alone.
            var lead = _carry[0];
            var needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            var take = needed - _carried;
            if (chunk.Length < take)
            {
                chunk.CopyTo(_carry.AsSpan(_carried));
                _carried += chunk.Length;
                return;
            }
            Span<byte> sequence = stackalloc byte[4];
            _carry.AsSpan(0, _carried).CopyTo(sequence);
            chunk[..take].CopyTo(sequence[_carried..]);
            _carried = 0;
            if (!Utf8.IsValid(sequence[..needed]))
            {
                _validUtf8 = false;
                return;
            }
            chunk = chunk[take..];
        }
        var end = CompleteLength(chunk);
        _validUtf8 = Utf8.IsValid(chunk[..end]);
        _carried = chunk.Length - end;
        chunk[end..].CopyTo(_carry);
    }

    /// <summary>The length of <paramref name="bytes"/> without a multi-byte sequence its last (up to 3) bytes begin but do not finish.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: 110xxxxx starts 2 bytes, 1110xxxx 3, 11110xxx 4; ASCII is complete on its own.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? bytes.Length - back : bytes.Length;
            }
        }
        return bytes.Length;
    }
}
