namespace WardTwin.Model.Statistics;

/// <summary>
/// Every finite value added, kept as counts while few values repeat (scores, doses on a titration ladder) and as
/// a plain list once they do not: its <see cref="Dist"/> equals <see cref="Dist.Of"/> over the same values in any
/// order, since that sorts first. A cohort's columns so cost bytes per patient, not an admission's outcome.
/// </summary>
public sealed class ExactSample
{
    private const int MaxDistinct = 4096;
    private Dictionary<double, int>? _counts = [];
    private ChunkedList? _values;

    public int Count { get; private set; }

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        Count++;
        if (_counts is null)
        {
            _values!.Add(value);
            return;
        }

        _counts[value] = _counts.GetValueOrDefault(value) + 1;
        if (_counts.Count > MaxDistinct)
        {
            _values = new ChunkedList();
            foreach (var (v, n) in _counts)
            {
                for (int i = 0; i < n; i++)
                {
                    _values.Add(v);
                }
            }

            _counts = null;
        }
    }

    public Dist ToDist() => Dist.Of(ToArray());

    private double[] ToArray()
    {
        if (_values is not null)
        {
            return _values.ToArray();
        }

        var all = new double[Count];
        int at = 0;
        foreach (var (v, n) in _counts!)
        {
            Array.Fill(all, v, at, n);
            at += n;
        }

        return all;
    }
}
