using MathNet.Numerics.LinearAlgebra;

namespace WardTwin.Model.Economics;

/// <summary>
/// The design of a GAM-like additive smoother for one parameter group: an intercept and, per parameter that
/// varies, a <see cref="NaturalSplineTerm"/>; the penalty is block-diagonal (one block per parameter, zero for
/// the intercept and the linear terms). Interactions between the group's parameters are not modelled: an
/// additive fit, so a group whose parameters act jointly (e.g. a product) is under-valued.
/// </summary>
internal sealed class AdditiveSplineBasis
{
    private AdditiveSplineBasis(Matrix<double> design, Matrix<double> penalty, int[] dropped)
    {
        Design = design;
        Penalty = penalty;
        Dropped = dropped;
    }

    /// <summary>Draws × columns, column 0 the intercept.</summary>
    public Matrix<double> Design { get; }

    public Matrix<double> Penalty { get; }

    /// <summary>Parameters left out because they do not vary across the draws.</summary>
    public int[] Dropped { get; }

    public static AdditiveSplineBasis Build(IReadOnlyList<double[]> groupDrawsByDraw)
    {
        int n = groupDrawsByDraw.Count;
        int parameters = groupDrawsByDraw[0].Length;
        var columns = Enumerable.Range(0, parameters).Select(j => groupDrawsByDraw.Select(d => d[j]).ToArray()).ToArray();
        int varying = columns.Count(c => NaturalSplineTerm.Create(0, c, 2) is not null);
        if (1 + varying >= n / 2)
        {
            throw new ArgumentException($"{varying} varying parameters in the group and {n} draws: EVPPI by regression needs more than twice as many draws as parameters");
        }

        // Few parameters: a flexible curve each; many: 3 columns each so ~30 parameters fit on 1,000 draws,
        // and never more than a quarter as many columns as draws (fewer knots until it fits).
        int knots = varying <= 2 ? 6 : varying <= 6 ? 5 : 4;
        while (knots > 2 && 1 + (varying * (knots - 1)) > n / 4)
        {
            knots--;
        }

        var terms = new List<NaturalSplineTerm>();
        var dropped = new List<int>();
        for (int j = 0; j < parameters; j++)
        {
            if (NaturalSplineTerm.Create(j, columns[j], knots) is { } term)
            {
                terms.Add(term);
            }
            else
            {
                dropped.Add(j);
            }
        }

        int width = 1 + terms.Sum(t => t.Columns);
        var design = Matrix<double>.Build.Dense(n, width);
        var penalty = Matrix<double>.Build.Dense(width, width);
        var row = new double[width];
        for (int i = 0; i < n; i++)
        {
            row[0] = 1;
            int at = 1;
            foreach (var t in terms)
            {
                t.Fill(columns[t.Parameter][i], row.AsSpan(at, t.Columns));
                at += t.Columns;
            }

            design.SetRow(i, row);
        }

        int offset = 1;
        foreach (var t in terms)
        {
            var block = t.Penalty();
            for (int r = 0; r < t.Columns; r++)
            {
                for (int c = 0; c < t.Columns; c++)
                {
                    penalty[offset + r, offset + c] = block[r, c];
                }
            }

            offset += t.Columns;
        }

        return new AdditiveSplineBasis(design, penalty, dropped.ToArray());
    }
}
