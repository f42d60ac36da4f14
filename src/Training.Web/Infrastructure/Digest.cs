using System.Security.Cryptography;
using System.Text;

namespace Training.Web.Infrastructure;

/// <summary>The one way the portal keeps a secret it only needs to recognise (recovery codes, request tokens, typed account names): SHA-256 of its UTF-8 text, as upper-case hex.</summary>
public static class Digest
{
    public static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
