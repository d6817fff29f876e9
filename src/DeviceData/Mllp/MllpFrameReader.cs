using System.Text;

namespace WardTwin.DeviceData.Mllp;

/// <summary>
/// Reads MLLP frames off a stream: bytes before a start block are skipped (MLLP says a receiver ignores them), a
/// frame ends at 0x1C 0x0D. One reader per connection; it keeps what it read past a frame for the next one.
/// </summary>
public sealed class MllpFrameReader(Stream stream, int maxFrameBytes = 1 << 20)
{
    private byte[] _buffer = new byte[4096];
    private int _start;
    private int _end;

    /// <summary>The next frame's text, or null when the peer closed the connection.</summary>
    public async Task<string?> ReadAsync(CancellationToken cancel)
    {
        while (true)
        {
            int open = Array.IndexOf(_buffer, MllpFrame.StartBlock, _start, _end - _start);
            if (open >= 0)
            {
                for (int i = open + 1; i + 1 < _end; i++)
                {
                    if (_buffer[i] == MllpFrame.EndBlock && _buffer[i + 1] == MllpFrame.CarriageReturn)
                    {
                        string text = Encoding.UTF8.GetString(_buffer, open + 1, i - open - 1);
                        _start = i + 2;
                        return text;
                    }
                }

                _start = open;
            }
            else
            {
                _start = _end; // nothing but bytes outside a frame
            }

            Compact();
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= maxFrameBytes)
                {
                    throw new InvalidDataException($"an MLLP frame longer than {maxFrameBytes} bytes");
                }

                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            int read = await stream.ReadAsync(_buffer.AsMemory(_end), cancel);
            if (read == 0)
            {
                return null;
            }

            _end += read;
        }
    }

    private void Compact()
    {
        if (_start == 0)
        {
            return;
        }

        Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
        _end -= _start;
        _start = 0;
    }
}
