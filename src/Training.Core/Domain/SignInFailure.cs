namespace Training.Core.Domain;

/// <summary>
/// One refused sign-in: the account name tried (as a hash: people type passwords into the name field), the
/// address it came from, when. The sign-in gate counts them per (account, address) and per address; rows older
/// than a day are purged.
/// </summary>
public class SignInFailure
{
    private SignInFailure() { AccountKey = Source = ""; }

    public SignInFailure(string accountKey, string source, DateTime at)
    {
        AccountKey = accountKey;
        Source = source;
        At = at;
    }

    public long Id { get; private set; }
    public string AccountKey { get; private set; }
    public string Source { get; private set; }
    public DateTime At { get; private set; }
}
