using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Training.Core.Data;
using Training.Core.Domain;
using Training.Core.Identity;
using Training.Web.Infrastructure;
using Training.Web.Infrastructure.Web;

namespace Training.Web.Features.People.Account;

/// <summary>What the sign-in gate allows (configuration section <c>SignIn</c>).</summary>
public sealed class SignInGateOptions
{
    public const string Section = "SignIn";

    /// <summary>How far back failures count, and how long a refusal lasts.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures of one account name from one address before that address may not try it again for <see cref="Window"/>.</summary>
    public int PerAccountAndSource { get; set; } = 5;

    /// <summary>
    /// Failures from one address, whatever the names, before it may not sign in at all for <see cref="Window"/>: enough
    /// for a township office behind one address, too few to try a password on many accounts.
    /// </summary>
    public int PerSource { get; set; } = 30;

    /// <summary>No refusal answers sooner: an unknown name, a wrong password, a locked or a disabled account take the same time.</summary>
    public TimeSpan Floor { get; set; } = TimeSpan.FromMilliseconds(500);
}

/// <summary>
/// The one door of the sign-in form (issue 16 §3, 等保 8.1.4.1 b): it tells an outsider nothing. An unknown name,
/// a wrong password, a locked and a disabled account all get <see cref="Refusal.Account"/>, the same page, no sooner
/// than <see cref="SignInGateOptions.Floor"/>, after a password hash was checked (a made-up one for an unknown name).
/// Failures are counted per (account, address): five from one address stop that address trying the account for
/// 15 minutes while its owner signs in from their own, so nobody can keep somebody else's account locked; and per
/// address, so that one address cannot try a password on every account. The counts are rows of the database, so every
/// web node sees them. No picture CAPTCHA: the portal's users are often 60 (适老化).
/// </summary>
public sealed class SignInGate(TrainingDbContext db, AppSignInManager signIn, UserManager<AppUser> users,
    IPasswordHasher<AppUser> hasher, TimeProvider clock, IOptions<SignInGateOptions> options)
{
    public enum Refusal
    {
        None = 0,
        /// <summary>Anything about the account: unknown, wrong password, locked, disabled.</summary>
        Account = 1,
        /// <summary>The address tried too many names.</summary>
        Source = 2,
    }

    public sealed record Answer(Refusal Refusal, SignInResult? Result);

    private SignInGateOptions Options => options.Value;

    /// <summary>Checks the name and password typed from <paramref name="source"/> (<see cref="ClientAddress"/>) and signs in (or asks for the second factor).</summary>
    public async Task<Answer> TryAsync(string userName, string password, string source, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var answer = await DecideAsync(userName, password, source, ct);
        // A timer may fire a millisecond early: wait again until the floor has truly passed.
        for (TimeSpan left; answer.Refusal != Refusal.None && (left = Options.Floor - clock.GetElapsedTime(started)) > TimeSpan.Zero;)
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), clock, ct);
        return answer;
    }

    private async Task<Answer> DecideAsync(string userName, string password, string source, CancellationToken ct)
    {
        var now = clock.UtcNow();
        var since = now - Options.Window;
        var key = AccountKey(userName);
        var failures = db.SignInFailures.Where(f => f.Source == source && f.At > since);
        var fromSource = await failures.CountAsync(ct);
        var onAccount = await failures.CountAsync(f => f.AccountKey == key, ct);

        var user = await users.FindByNameAsync(userName);
        // The hash is checked whatever else refuses: its time is most of a sign-in's.
        var passwordRight = false;
        if (user is null) hasher.VerifyHashedPassword(Unknown, unknownHash ??= hasher.HashPassword(Unknown, RandomPassword()), password);
        else passwordRight = await users.CheckPasswordAsync(user, password);

        // What the auditor reads (the person at the form reads one message whatever it is).
        var why = fromSource >= Options.PerSource ? PeopleTexts.RefusedSourceHeldOff
            : user is null ? PeopleTexts.RefusedUnknownName
            : !passwordRight ? PeopleTexts.RefusedWrongPassword
            : onAccount >= Options.PerAccountAndSource ? PeopleTexts.RefusedAddressHeldOff
            : !await signIn.CanSignInAsync(user) ? PeopleTexts.RefusedDisabled
            : await users.IsLockedOutAsync(user) ? PeopleTexts.RefusedLockedOut
            : null;
        var who = user?.UserName ?? PeopleTexts.UnknownAccountName;
        if (why is not null)
        {
            db.SignInFailures.Add(new SignInFailure(key, source, now));
            db.Audit.Add(new AuditEntry(who, PeopleTexts.SignInRefusedAudit, why, now, AuditOutcome.Refused));
            await db.SaveChangesAsync(ct);
            return new Answer(fromSource >= Options.PerSource ? Refusal.Source : Refusal.Account, null);
        }

        var result = await signIn.SignInOrTwoFactorAfterPasswordAsync(user!);
        db.Audit.Add(new AuditEntry(who, result.RequiresTwoFactor ? PeopleTexts.PasswordAcceptedAudit : PeopleTexts.SignedInAudit, "", now));
        await db.SaveChangesAsync(ct);
        await db.SignInFailures.Where(f => f.AccountKey == key && f.Source == source).ExecuteDeleteAsync(ct);
        return new Answer(Refusal.None, result);
    }

    /// <summary>The account name as counted: a hash of its normalised form (a password typed into the name field stays unread).</summary>
    public static string AccountKey(string userName) =>
        Digest.Sha256Hex(userName.Trim().ToUpperInvariant());

    private static readonly AppUser Unknown = new();

    /// <summary>A hash of a random password (by the portal's hasher), checked for names nobody has, so that they take as long as a real one.</summary>
    private static string? unknownHash;

    private static string RandomPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
}
