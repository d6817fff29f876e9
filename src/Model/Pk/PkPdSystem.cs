using MathNet.Numerics.RootFinding;

namespace WardTwin.Model.Pk;

/// <summary>
/// The patient's linear PK/PD system in modal form. States: S and R parent (central, two peripheral),
/// S and R norketamine, slow (pain) and fast (side-effect) effect compartments on the S-equivalent
/// concentration. The matrix is block-triangular, so its eigenvalues are those of each parent's
/// three-compartment block plus the single-compartment rates, and its eigenvectors follow by
/// substitution; between rate changes each mode just decays, which makes every advance exact.
/// </summary>
public sealed class PkPdSystem
{
    public const int StateCount = 10;

    private const int AcS = 0, Ap1S = 1, Ap2S = 2, AcR = 3, Ap1R = 4, Ap2R = 5, NkS = 6, NkR = 7, CeSlow = 8, CeFast = 9;

    // Rows of V (state = V·z + rate·SteadyStatePerUnitRate) that produce the reported outputs.
    private readonly double[] _outputRows;
    private readonly double[] _outputSteadyState;
    private readonly double[] _outputScale;

    // The output rows some active mode or the rate feeds (the rest stay exactly zero, e.g. R-ketamine under S-ketamine alone).
    private readonly bool[] _liveOutputRows;

    // The output rows restricted to the active modes, contiguous: the walk's state holds active modes only.
    private readonly double[] _activeOutputRows;

    public PkPdSystem(PatientPk pk, double sFraction, double rFraction, double rPotency, double ke0SlowPerH, double ke0FastPerH)
    {
        Pk = pk;
        Eigenvalues = new double[StateCount];
        var v = new double[StateCount, StateCount];

        double vc = pk.VcL;
        double k12 = pk.Q1LPerH / vc, k21 = pk.Q1LPerH / pk.Vp1L, k13 = pk.Q2LPerH / vc, k31 = pk.Q2LPerH / pk.Vp2L;
        double kNk = pk.NorketamineClLPerH / pk.NorketamineVL;
        double cScale = 1000.0 / vc;

        void ParentModes(int first, int central, int p1, int p2, int nk, double cl, double potency)
        {
            double k10 = cl / vc;
            var roots = ParentEigenvalues(k10, k12, k13, k21, k31);
            for (int i = 0; i < 3; i++)
            {
                double l = roots[i];
                int col = first + i;
                Eigenvalues[col] = l;
                v[central, col] = 1;
                v[p1, col] = k12 / (l + k21);
                v[p2, col] = k13 / (l + k31);
                v[nk, col] = pk.NorketamineFm * k10 / (l + kNk);
                v[CeSlow, col] = ke0SlowPerH * potency * cScale / (l + ke0SlowPerH);
                v[CeFast, col] = ke0FastPerH * potency * cScale / (l + ke0FastPerH);
            }
        }

        ParentModes(0, AcS, Ap1S, Ap2S, NkS, pk.ClSLPerH, 1.0);
        ParentModes(3, AcR, Ap1R, Ap2R, NkR, pk.ClRLPerH, rPotency);
        Eigenvalues[6] = -kNk;
        v[NkS, 6] = 1;
        Eigenvalues[7] = -kNk;
        v[NkR, 7] = 1;
        Eigenvalues[8] = -ke0SlowPerH;
        v[CeSlow, 8] = 1;
        Eigenvalues[9] = -ke0FastPerH;
        v[CeFast, 9] = 1;

        // Steady state per mg/h of product: elimination balances input in each compartment.
        var xss = new double[StateCount];
        double k10S = pk.ClSLPerH / vc, k10R = pk.ClRLPerH / vc;
        xss[AcS] = sFraction / k10S;
        xss[Ap1S] = k12 / k21 * xss[AcS];
        xss[Ap2S] = k13 / k31 * xss[AcS];
        xss[AcR] = rFraction / k10R;
        xss[Ap1R] = k12 / k21 * xss[AcR];
        xss[Ap2R] = k13 / k31 * xss[AcR];
        xss[NkS] = pk.NorketamineFm * sFraction / kNk;
        xss[NkR] = pk.NorketamineFm * rFraction / kNk;
        xss[CeSlow] = xss[CeFast] = cScale * (xss[AcS] + (rPotency * xss[AcR]));
        SteadyStatePerUnitRate = xss;

        ModalSteadyStatePerUnitRate = SolveModal(v, xss);
        V = v;

        var active = new List<int>(StateCount);
        for (int i = 0; i < StateCount; i++)
        {
            if (ModalSteadyStatePerUnitRate[i] != 0)
            {
                active.Add(i);
            }
        }

        ActiveModes = [.. active];

        int[] rows = [AcS, AcR, NkS, NkR, CeSlow, CeFast];
        double nkScale = 1000.0 / pk.NorketamineVL;
        _outputScale = [cScale, cScale, nkScale, nkScale, 1, 1];
        _outputRows = new double[rows.Length * StateCount];
        _outputSteadyState = new double[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < StateCount; c++)
            {
                _outputRows[(r * StateCount) + c] = v[rows[r], c] * _outputScale[r];
            }

            _outputSteadyState[r] = xss[rows[r]] * _outputScale[r];
        }

        int k = ActiveModes.Length;
        ActiveEigenvalues = [.. ActiveModes.Select(i => Eigenvalues[i])];
        ActiveModalSteadyStatePerUnitRate = [.. ActiveModes.Select(i => ModalSteadyStatePerUnitRate[i])];
        _activeOutputRows = new double[rows.Length * k];
        _liveOutputRows = new bool[rows.Length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int j = 0; j < k; j++)
            {
                _activeOutputRows[(r * k) + j] = _outputRows[(r * StateCount) + ActiveModes[j]];
            }

            _liveOutputRows[r] = _outputSteadyState[r] != 0 || _activeOutputRows.AsSpan(r * k, k).ContainsAnyExcept(0.0);
        }
    }

    public PatientPk Pk { get; }

    /// <summary>Eigenvalues (1/h) of the system matrix, one per mode.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Eigenvectors as columns (amounts in mg for compartments, ng/mL for effect sites).</summary>
    public double[,] V { get; }

    /// <summary>The steady state reached at 1 mg/h of product, in state units.</summary>
    public double[] SteadyStatePerUnitRate { get; }

    /// <summary>The same steady state in modal coordinates (V⁻¹·x_ss).</summary>
    public double[] ModalSteadyStatePerUnitRate { get; }

    /// <summary>
    /// The modes a rate change can move (those with a steady-state weight); the others start at zero and stay
    /// exactly zero, so skipping them changes no bit of any result.
    /// </summary>
    public int[] ActiveModes { get; }

    /// <summary>Eigenvalues of the active modes, in <see cref="ActiveModes"/>' order.</summary>
    public double[] ActiveEigenvalues { get; }

    /// <summary>Modal steady state of the active modes, in <see cref="ActiveModes"/>' order.</summary>
    public double[] ActiveModalSteadyStatePerUnitRate { get; }

    /// <summary>Outputs from the active modes (in <see cref="ActiveModes"/>' order) and the rate.</summary>
    public Concentrations Evaluate(ReadOnlySpan<double> modal, double rateMgPerH) => new(
        LiveOutput(0, modal, rateMgPerH), LiveOutput(1, modal, rateMgPerH), LiveOutput(2, modal, rateMgPerH),
        LiveOutput(3, modal, rateMgPerH), LiveOutput(4, modal, rateMgPerH), LiveOutput(5, modal, rateMgPerH));

    /// <summary>Plasma concentrations only (parents and norketamines); the effect sites are left at zero.</summary>
    public Concentrations EvaluatePlasma(ReadOnlySpan<double> modal, double rateMgPerH) => new(
        LiveOutput(0, modal, rateMgPerH), LiveOutput(1, modal, rateMgPerH), LiveOutput(2, modal, rateMgPerH),
        LiveOutput(3, modal, rateMgPerH), 0, 0);

    /// <summary>The fast (side-effect) effect site as steady state per unit rate and one weight per mode.</summary>
    public (double SteadyPerUnitRate, double[] ModeWeights) FastEffectOutput()
    {
        const int row = 5;
        return (_outputSteadyState[row], _outputRows.AsSpan(row * StateCount, StateCount).ToArray());
    }

    public double SlowEffect(ReadOnlySpan<double> modal, double rateMgPerH) => Output(4, modal, rateMgPerH);

    public double FastEffect(ReadOnlySpan<double> modal, double rateMgPerH) => Output(5, modal, rateMgPerH);

    private double LiveOutput(int row, ReadOnlySpan<double> modal, double rateMgPerH) =>
        _liveOutputRows[row] ? Output(row, modal, rateMgPerH) : 0;

    private double Output(int row, ReadOnlySpan<double> activeModal, double rateMgPerH)
    {
        double sum = rateMgPerH * _outputSteadyState[row];
        var weights = _activeOutputRows.AsSpan(row * activeModal.Length, activeModal.Length);
        for (int j = 0; j < weights.Length; j++)
        {
            sum += weights[j] * activeModal[j];
        }

        return sum;
    }

    /// <summary>The full state vector (for tests and diagnostics).</summary>
    public double[] State(ReadOnlySpan<double> modal, double rateMgPerH)
    {
        var x = new double[StateCount];
        for (int r = 0; r < StateCount; r++)
        {
            double sum = rateMgPerH * SteadyStatePerUnitRate[r];
            for (int c = 0; c < StateCount; c++)
            {
                sum += V[r, c] * modal[c];
            }

            x[r] = sum;
        }

        return x;
    }

    /// <summary>
    /// V⁻¹·x by the block structure: each parent's three modes from its own three compartments (Cramer's rule
    /// on a well-separated 3×3), then each single-compartment mode by substitution. A parent that is not given
    /// (R-ketamine under S-ketamine alone) gets exactly zero modes, which the walk then skips.
    /// </summary>
    private static double[] SolveModal(double[,] v, double[] x)
    {
        var z = new double[StateCount];
        SolveParent(v, x, z, 0, AcS, Ap1S, Ap2S);
        SolveParent(v, x, z, 3, AcR, Ap1R, Ap2R);
        foreach (var (row, mode) in new[] { (NkS, 6), (NkR, 7), (CeSlow, 8), (CeFast, 9) })
        {
            double sum = x[row];
            for (int c = 0; c < 6; c++)
            {
                sum -= v[row, c] * z[c];
            }

            z[mode] = sum / v[row, mode];
        }

        return z;
    }

    private static void SolveParent(double[,] v, double[] x, double[] z, int first, int r0, int r1, int r2)
    {
        double Det(int replaced)
        {
            double A(int r, int k) => k == replaced ? x[r] : v[r, first + k];
            return (A(r0, 0) * ((A(r1, 1) * A(r2, 2)) - (A(r1, 2) * A(r2, 1))))
                - (A(r0, 1) * ((A(r1, 0) * A(r2, 2)) - (A(r1, 2) * A(r2, 0))))
                + (A(r0, 2) * ((A(r1, 0) * A(r2, 1)) - (A(r1, 1) * A(r2, 0))));
        }

        double det = Det(-1);
        for (int k = 0; k < 3; k++)
        {
            z[first + k] = Det(k) / det;
        }
    }

    /// <summary>Eigenvalues of the three-compartment parent block, from its characteristic cubic, polished by Newton.</summary>
    internal static double[] ParentEigenvalues(double k10, double k12, double k13, double k21, double k31)
    {
        double a2 = k10 + k12 + k13 + k21 + k31;
        double a1 = (k10 * k21) + (k10 * k31) + (k12 * k31) + (k13 * k21) + (k21 * k31);
        double a0 = k10 * k21 * k31;
        var (r1, r2, r3) = Cubic.RealRoots(a0, a1, a2);
        var roots = new[] { r1, r2, r3 };
        for (int i = 0; i < 3; i++)
        {
            double x = roots[i];
            if (!double.IsFinite(x))
            {
                throw new InvalidOperationException("the parent PK block has complex eigenvalues; check the PK parameters");
            }

            for (int n = 0; n < 3; n++)
            {
                double f = (((x + a2) * x) + a1) * x + a0;
                double df = (((3 * x) + (2 * a2)) * x) + a1;
                if (df == 0)
                {
                    break;
                }

                x -= f / df;
            }

            roots[i] = x;
        }

        Array.Sort(roots);
        return roots;
    }
}
