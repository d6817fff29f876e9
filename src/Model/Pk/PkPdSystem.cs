using System.Diagnostics.CodeAnalysis;
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

    private const int OutputCount = 6;

    private const int AcS = 0, Ap1S = 1, Ap2S = 2, AcR = 3, Ap1R = 4, Ap2R = 5, NkS = 6, NkR = 7, CeSlow = 8, CeFast = 9;

    // Rows of V (state = V·z + rate·SteadyStatePerUnitRate) that produce the reported outputs.
    private readonly double[] _outputRows = new double[OutputCount * StateCount];
    private readonly double[] _outputSteadyState = new double[OutputCount];
    private readonly double[] _outputScale = new double[OutputCount];

    // The output rows some active mode or the rate feeds (the rest stay exactly zero, e.g. R-ketamine under S-ketamine alone).
    private readonly bool[] _liveOutputRows = new bool[OutputCount];

    // The output rows restricted to the active modes, contiguous: the walk's state holds active modes only.
    private double[] _activeOutputRows = [];

    /// <summary>The states the outputs read, in output order.</summary>
    private static ReadOnlySpan<int> OutputStates => [AcS, AcR, NkS, NkR, CeSlow, CeFast];

    public PkPdSystem(PatientPk pk, double sFraction, double rFraction, double rPotency, double ke0SlowPerH, double ke0FastPerH)
    {
        Reset(pk, sFraction, rFraction, rPotency, ke0SlowPerH, ke0FastPerH);
    }

    /// <summary>
    /// Makes this the system of another patient, in place: a cohort's runner keeps one per thread instead of allocating its
    /// arrays and matrix for each admission. The arrays of the active modes are kept when their count stays the same.
    /// </summary>
    [MemberNotNull(nameof(Pk))]
    internal void Reset(PatientPk pk, double sFraction, double rFraction, double rPotency, double ke0SlowPerH, double ke0FastPerH)
    {
        Pk = pk;
        var v = V;
        Array.Clear(v);

        double vc = pk.VcL;
        double k12 = pk.Q1LPerH / vc, k21 = pk.Q1LPerH / pk.Vp1L, k13 = pk.Q2LPerH / vc, k31 = pk.Q2LPerH / pk.Vp2L;
        double kNk = pk.NorketamineClLPerH / pk.NorketamineVL;
        double cScale = 1000.0 / vc;
        var rates = new ParentRates(vc, k12, k13, k21, k31, kNk, cScale, pk.NorketamineFm, ke0SlowPerH, ke0FastPerH);

        ParentModes(rates, 0, AcS, Ap1S, Ap2S, NkS, pk.ClSLPerH, 1.0);
        ParentModes(rates, 3, AcR, Ap1R, Ap2R, NkR, pk.ClRLPerH, rPotency);
        Eigenvalues[6] = -kNk;
        v[NkS, 6] = 1;
        Eigenvalues[7] = -kNk;
        v[NkR, 7] = 1;
        Eigenvalues[8] = -ke0SlowPerH;
        v[CeSlow, 8] = 1;
        Eigenvalues[9] = -ke0FastPerH;
        v[CeFast, 9] = 1;

        // Steady state per mg/h of product: elimination balances input in each compartment.
        var xss = SteadyStatePerUnitRate;
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

        SolveModal(v, xss, ModalSteadyStatePerUnitRate);

        int k = 0;
        for (int i = 0; i < StateCount; i++)
        {
            k += ModalSteadyStatePerUnitRate[i] != 0 ? 1 : 0;
        }

        if (ActiveModes.Length != k)
        {
            ActiveModes = new int[k];
            ActiveEigenvalues = new double[k];
            ActiveModalSteadyStatePerUnitRate = new double[k];
            _activeOutputRows = new double[OutputCount * k];
        }

        for (int i = 0, j = 0; i < StateCount; i++)
        {
            if (ModalSteadyStatePerUnitRate[i] != 0)
            {
                ActiveModes[j] = i;
                ActiveEigenvalues[j] = Eigenvalues[i];
                ActiveModalSteadyStatePerUnitRate[j] = ModalSteadyStatePerUnitRate[i];
                j++;
            }
        }

        double nkScale = 1000.0 / pk.NorketamineVL;
        _outputScale[0] = cScale;
        _outputScale[1] = cScale;
        _outputScale[2] = nkScale;
        _outputScale[3] = nkScale;
        _outputScale[4] = 1;
        _outputScale[5] = 1;
        for (int r = 0; r < OutputCount; r++)
        {
            for (int c = 0; c < StateCount; c++)
            {
                _outputRows[(r * StateCount) + c] = v[OutputStates[r], c] * _outputScale[r];
            }

            _outputSteadyState[r] = xss[OutputStates[r]] * _outputScale[r];
        }

        for (int r = 0; r < OutputCount; r++)
        {
            for (int j = 0; j < k; j++)
            {
                _activeOutputRows[(r * k) + j] = _outputRows[(r * StateCount) + ActiveModes[j]];
            }

            _liveOutputRows[r] = _outputSteadyState[r] != 0 || _activeOutputRows.AsSpan(r * k, k).ContainsAnyExcept(0.0);
        }
    }

    /// <summary>What a parent's modes are built from, besides its clearance and potency.</summary>
    private readonly record struct ParentRates(double Vc, double K12, double K13, double K21, double K31, double KNk, double CScale, double NorketamineFm, double Ke0Slow, double Ke0Fast);

    private void ParentModes(in ParentRates k, int first, int central, int p1, int p2, int nk, double cl, double potency)
    {
        var v = V;
        double k10 = cl / k.Vc;
        Span<double> roots = stackalloc double[3];
        ParentEigenvalues(k10, k.K12, k.K13, k.K21, k.K31, roots);
        for (int i = 0; i < 3; i++)
        {
            double l = roots[i];
            int col = first + i;
            Eigenvalues[col] = l;
            v[central, col] = 1;
            v[p1, col] = k.K12 / (l + k.K21);
            v[p2, col] = k.K13 / (l + k.K31);
            v[nk, col] = k.NorketamineFm * k10 / (l + k.KNk);
            v[CeSlow, col] = k.Ke0Slow * potency * k.CScale / (l + k.Ke0Slow);
            v[CeFast, col] = k.Ke0Fast * potency * k.CScale / (l + k.Ke0Fast);
        }
    }

    public PatientPk Pk { get; private set; }

    /// <summary>Eigenvalues (1/h) of the system matrix, one per mode.</summary>
    public double[] Eigenvalues { get; } = new double[StateCount];

    /// <summary>Eigenvectors as columns (amounts in mg for compartments, ng/mL for effect sites).</summary>
    public double[,] V { get; } = new double[StateCount, StateCount];

    /// <summary>The steady state reached at 1 mg/h of product, in state units.</summary>
    public double[] SteadyStatePerUnitRate { get; } = new double[StateCount];

    /// <summary>The same steady state in modal coordinates (V⁻¹·x_ss).</summary>
    public double[] ModalSteadyStatePerUnitRate { get; } = new double[StateCount];

    /// <summary>
    /// The modes a rate change can move (those with a steady-state weight); the others start at zero and stay
    /// exactly zero, so skipping them changes no bit of any result.
    /// </summary>
    public int[] ActiveModes { get; private set; } = [];

    /// <summary>Eigenvalues of the active modes, in <see cref="ActiveModes"/>' order.</summary>
    public double[] ActiveEigenvalues { get; private set; } = [];

    /// <summary>Modal steady state of the active modes, in <see cref="ActiveModes"/>' order.</summary>
    public double[] ActiveModalSteadyStatePerUnitRate { get; private set; } = [];

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
    private static void SolveModal(double[,] v, double[] x, double[] z)
    {
        SolveParent(v, x, z, 0, AcS, Ap1S, Ap2S);
        SolveParent(v, x, z, 3, AcR, Ap1R, Ap2R);
        SolveSingle(v, x, z, NkS, 6);
        SolveSingle(v, x, z, NkR, 7);
        SolveSingle(v, x, z, CeSlow, 8);
        SolveSingle(v, x, z, CeFast, 9);
    }

    private static void SolveSingle(double[,] v, double[] x, double[] z, int row, int mode)
    {
        double sum = x[row];
        for (int c = 0; c < 6; c++)
        {
            sum -= v[row, c] * z[c];
        }

        z[mode] = sum / v[row, mode];
    }

    private static void SolveParent(double[,] v, double[] x, double[] z, int first, int r0, int r1, int r2)
    {
        double det = Det(v, x, first, r0, r1, r2, -1);
        for (int k = 0; k < 3; k++)
        {
            z[first + k] = Det(v, x, first, r0, r1, r2, k) / det;
        }
    }

    private static double Det(double[,] v, double[] x, int first, int r0, int r1, int r2, int replaced)
    {
        double A(int r, int k) => k == replaced ? x[r] : v[r, first + k];
        return (A(r0, 0) * ((A(r1, 1) * A(r2, 2)) - (A(r1, 2) * A(r2, 1))))
            - (A(r0, 1) * ((A(r1, 0) * A(r2, 2)) - (A(r1, 2) * A(r2, 0))))
            + (A(r0, 2) * ((A(r1, 0) * A(r2, 1)) - (A(r1, 1) * A(r2, 0))));
    }

    /// <summary>Eigenvalues of the three-compartment parent block, from its characteristic cubic, polished by Newton.</summary>
    internal static void ParentEigenvalues(double k10, double k12, double k13, double k21, double k31, Span<double> roots)
    {
        double a2 = k10 + k12 + k13 + k21 + k31;
        double a1 = (k10 * k21) + (k10 * k31) + (k12 * k31) + (k13 * k21) + (k21 * k31);
        double a0 = k10 * k21 * k31;
        (roots[0], roots[1], roots[2]) = Cubic.RealRoots(a0, a1, a2);
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

        roots.Sort();
    }
}
