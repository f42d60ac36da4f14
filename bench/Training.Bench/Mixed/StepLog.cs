using System.Collections.Concurrent;

namespace Training.Bench.Mixed;

/// <summary>
/// What every request of the mixed scenario did, by step ("GET /Reviews (township)", "POST approve"): its latency and
/// how it was answered. 2xx/3xx are done; 409 (changed by someone else since the page was drawn) and 422 (refused by
/// a rule) are the portal's ordinary answers to two people acting at once and are counted apart, as is a 404 on a
/// record another user may have removed since (<see cref="Browser.OnRecordsThatMayBeGone"/>, counted with the 409s);
/// anything else, a timeout or a dropped connection is an error.
/// </summary>
public sealed class StepLog
{
    private readonly ConcurrentDictionary<string, Step> steps = new();

    public sealed class Step(string name, bool isPost)
    {
        private readonly List<double> millis = [];
        public string Name { get; } = name;
        public bool IsPost { get; } = isPost;
        public int Done, Conflicts, Refused, Errors;
        public readonly ConcurrentDictionary<int, int> Statuses = new();

        public void Add(double ms, int status, bool goneIsConflict)
        {
            lock (millis) millis.Add(ms);
            Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
            if (status is >= 200 and < 400) Interlocked.Increment(ref Done);
            else if (status == 409 || (goneIsConflict && status == 404)) Interlocked.Increment(ref Conflicts);
            else if (status == 422) Interlocked.Increment(ref Refused);
            else Interlocked.Increment(ref Errors);
        }

        public int Count { get { lock (millis) return millis.Count; } }

        public double Percentile(double p)
        {
            lock (millis)
            {
                if (millis.Count == 0) return 0;
                var sorted = millis.Order().ToList();
                return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
            }
        }
    }

    /// <summary>A status of 0 stands for no answer (timeout, connection error).</summary>
    public void Add(string step, bool isPost, double ms, int status, bool goneIsConflict = false) =>
        steps.GetOrAdd(step, n => new Step(n, isPost)).Add(ms, status, goneIsConflict);

    public IReadOnlyList<Step> Steps => steps.Values.OrderBy(s => s.IsPost).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
}
