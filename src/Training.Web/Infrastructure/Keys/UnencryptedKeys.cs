using Microsoft.EntityFrameworkCore;
using Training.Core.Data;

namespace Training.Web.Infrastructure.Keys;

/// <summary>
/// Keys written before the certificate encrypted them are still in clear text in the database (and its backups):
/// deleted at start, so that nothing read from the database signs a cookie any more. The price is one sign-in for
/// whoever was signed in; Data Protection makes a new, encrypted key on its next use.
/// </summary>
public static class UnencryptedKeys
{
    /// <summary>An encrypted key's XML holds <c>encryptedSecret</c> where a clear one holds its <c>masterKey</c>.</summary>
    private const string ClearSecret = "<masterKey";

    public static async Task<int> ForgetAsync(TrainingDbContext db, CancellationToken ct)
    {
        var clear = db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains(ClearSecret));
        // Asked first: a start with nothing to delete writes nothing.
        return await clear.AnyAsync(ct) ? await clear.ExecuteDeleteAsync(ct) : 0;
    }
}
