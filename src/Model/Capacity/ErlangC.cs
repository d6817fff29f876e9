namespace WardTwin.Model.Capacity;

/// <summary>The M/M/c queue's closed forms (Erlang C), against which the event simulation is checked.</summary>
public static class ErlangC
{
    /// <summary>The probability that an arrival waits, with arrival rate λ, service rate μ per server and c servers (needs λ &lt; cμ).</summary>
    public static double ProbabilityOfWaiting(double lambda, double mu, int c)
    {
        double a = lambda / mu;
        if (a >= c)
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), $"an offered load of {a:0.###} on {c} servers never settles (needs fewer than {c})");
        }

        // Summed term by term (a^k/k!) so that large c does not overflow.
        double term = 1, sum = 1;
        for (int k = 1; k < c; k++)
        {
            term *= a / k;
            sum += term;
        }

        double last = term * a / c * (c / (c - a));
        return last / (sum + last);
    }

    /// <summary>Mean wait in the queue (same time unit as 1/λ).</summary>
    public static double MeanWait(double lambda, double mu, int c) => ProbabilityOfWaiting(lambda, mu, c) / ((c * mu) - lambda);
}
