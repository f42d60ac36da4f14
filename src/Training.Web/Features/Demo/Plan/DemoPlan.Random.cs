using Training.Core.Domain;

namespace Training.Web.Features.Demo.Plan;

// The seeded choices every part of the plan draws from (one Random, so the same seed gives the same plan).
internal sealed partial class DemoPlan
{
    private static int PickYear(Random r, int first, params double[] weights)
    {
        var x = r.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            x -= weights[i];
            if (x < 0) return first + i;
        }
        return first + weights.Length - 1;
    }

    private static T Pick<T>(Random r, params (T Value, double Weight)[] options)
    {
        var x = r.NextDouble();
        foreach (var (value, weight) in options)
        {
            x -= weight;
            if (x < 0) return value;
        }
        return options[^1].Value;
    }

    private static List<T> Shuffled<T>(List<T> list, Random r)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = r.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
        return list;
    }

    private static void AdjustToTotal(int[] values, int total, int min, int max, Random r)
    {
        while (values.Sum() != total)
        {
            var i = r.Next(values.Length);
            if (values.Sum() < total) { if (values[i] < max) values[i]++; }
            else if (values[i] > min) values[i]--;
        }
    }
}
