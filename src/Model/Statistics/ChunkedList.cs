namespace WardTwin.Model.Statistics;

/// <summary>Doubles in the order added, in fixed blocks: no copy of the whole list as it grows past millions.</summary>
public sealed class ChunkedList
{
    private const int Shift = 16;
    private const int Mask = (1 << Shift) - 1;
    private readonly List<double[]> _chunks = [];

    public int Count { get; private set; }

    public double this[int index] => _chunks[index >> Shift][index & Mask];

    public void Add(double value)
    {
        if ((Count & Mask) == 0)
        {
            _chunks.Add(new double[1 << Shift]);
        }

        _chunks[Count >> Shift][Count & Mask] = value;
        Count++;
    }

    /// <summary>The sum in the order added, as <see cref="Enumerable.Sum(IEnumerable{double})"/> adds an array.</summary>
    public double Sum()
    {
        double sum = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += this[i];
        }

        return sum;
    }

    public double[] ToArray()
    {
        var all = new double[Count];
        for (int c = 0; c < _chunks.Count; c++)
        {
            int n = Math.Min(1 << Shift, Count - (c << Shift));
            Array.Copy(_chunks[c], 0, all, c << Shift, n);
        }

        return all;
    }
}
