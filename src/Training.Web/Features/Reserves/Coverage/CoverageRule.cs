using Training.Web.Features.Statistics;

namespace Training.Web.Features.Reserves.Coverage;

/// <summary>
/// The 1:2 rule of PRODUCT.md §6 for one village, from its key posts and its reserves in the pool on the day.
///
/// §6: "each village needs two reserves in the pool for its party secretary post, and two for each
/// other key post configured for it. Coverage = reserves in pool ÷ (2 × key posts)."
/// The key posts count includes the party secretary post (the default of 1 key post IS the
/// secretary post), so with k key posts:
///   - the secretary post needs 2 × min(k, 1) reserves targeting 书记后备;
///   - the other k − min(k, 1) key posts need 2 each; a 两委后备 fills them, and so does a
///     书记后备 beyond the two the secretary post needs (a secretary reserve can take any two-committee post);
///   - a village meets the rule when nothing is lacking. That implies reserves ≥ 2 × k (coverage ≥ 100%);
///     a village with enough reserves in total but fewer than two 书记后备 does not meet it (it lacks 书记后备).
///   - zero key posts: nothing is required, the village meets the rule and its coverage is "—".
/// Coverage is an exact fraction shown as a percent (the <see cref="Share"/> of §8).
/// </summary>
public readonly record struct CoverageRule(int KeyPosts, int SecretaryReserves, int TwoCommitteeReserves)
{
    public int Reserves => SecretaryReserves + TwoCommitteeReserves;
    public int SecretaryPosts => Math.Min(Math.Max(KeyPosts, 0), 1);
    public int SecretaryNeeded => 2 * SecretaryPosts;
    public int OtherNeeded => 2 * (Math.Max(KeyPosts, 0) - SecretaryPosts);

    /// <summary>reserves in pool ÷ (2 × key posts); "—" when there are no key posts.</summary>
    public Share Coverage => new(Reserves, 2L * Math.Max(KeyPosts, 0));

    public int SecretaryLacking => Math.Max(0, SecretaryNeeded - SecretaryReserves);
    public int TwoCommitteeLacking =>
        Math.Max(0, OtherNeeded - TwoCommitteeReserves - Math.Max(0, SecretaryReserves - SecretaryNeeded));

    public bool Meets => SecretaryLacking == 0 && TwoCommitteeLacking == 0;

    /// <summary>"书记后备缺1人、两委后备缺2人", or "" when nothing is lacking.</summary>
    public string Lacking => string.Join(ReservesTexts.ListSeparator, Parts());

    private IEnumerable<string> Parts()
    {
        if (SecretaryLacking > 0) yield return ReservesTexts.SecretaryLacking(SecretaryLacking);
        if (TwoCommitteeLacking > 0) yield return ReservesTexts.TwoCommitteeLacking(TwoCommitteeLacking);
    }

    /// <summary>Sort key "worst first": the lowest coverage first; a village with no key posts last.</summary>
    public decimal SortValue => Coverage.Value ?? decimal.MaxValue;
}
