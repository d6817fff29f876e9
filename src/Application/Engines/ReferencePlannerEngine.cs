using System.Runtime.CompilerServices;
using WardTwin.Grains;
using WardTwin.Model.Capacity;
using WardTwin.Model.Economics;
using WardTwin.Model.Outcomes;

namespace WardTwin.Application.Engines;

/// <summary>The plain in-process loop over the model, on every core (or <paramref name="threads"/>), in blocks: the engine the grains are checked against.</summary>
public sealed class ReferencePlannerEngine(int threads = -1) : IPlannerEngine
{
    private const int BlockPatients = 4096;

    public string Name => "reference";

    private int Threads => threads > 0 ? threads : Environment.ProcessorCount;

    public async IAsyncEnumerable<AdmissionOutcome[]> RunCohortAsync(CohortRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runner = RequestModels.Runner(request);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Threads, CancellationToken = cancellation };
        for (int first = 0; first < request.Patients; first += BlockPatients)
        {
            var block = new AdmissionOutcome[Math.Min(BlockPatients, request.Patients - first)];
            int start = first;
            await Task.Run(() => Parallel.For(0, block.Length, options, i => block[i] = runner.RunOne(request.Seed, start + i)), cancellation);
            yield return block;
        }
    }

    public Task<CapacityResult> RunCapacityAsync(CohortRequest protocol, CapacityQuestion question, CancellationToken cancellation)
    {
        var runner = RequestModels.Runner(protocol);
        return Task.Run(() => new CapacitySimulation(runner.Plan.Protocol, runner, question).Run(), cancellation);
    }

    public async IAsyncEnumerable<PsaDrawRows> RunPsaAsync(PsaJobRequest request, [EnumeratorCancellation] CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Enough draws to keep every core busy: each core takes whole draws; otherwise each draw's cohorts are spread over the cores.
        bool byDraw = request.Draws >= 2 * Threads;
        var setup = RequestModels.PsaSetup(request, byDraw ? 1 : Threads);
        int block = byDraw ? 4 * Threads : 1;
        var options = new ParallelOptions { MaxDegreeOfParallelism = byDraw ? Threads : 1, CancellationToken = cancellation };
        for (int first = 1; first <= request.Draws; first += block)
        {
            var draws = new PsaDrawRows[Math.Min(block, request.Draws - first + 1)];
            int start = first;
            await Task.Run(() => Parallel.For(0, draws.Length, options, i =>
            {
                var result = PsaRunner.Draw(setup, start + i, setup.Threads);
                draws[i] = new PsaDrawRows(start + i, [.. result.Rows.Select(r => r.Cost)], [.. result.Rows.Select(r => r.Effects)]);
            }), cancellation);
            foreach (var draw in draws)
            {
                yield return draw;
            }
        }
    }
}
