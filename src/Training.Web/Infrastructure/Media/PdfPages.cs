using UglyToad.PdfPig;

namespace Training.Web.Infrastructure.Media;

/// <summary>How many pages a stored PDF has (PdfPig reads its page tree); null for a file it cannot read (damaged, encrypted).</summary>
public static class PdfPages
{
    public static int? Count(string path)
    {
        try
        {
            using var document = PdfDocument.Open(path);
            return document.NumberOfPages;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig throws its own exception types for every kind of bad file; any of them means "not a PDF we can use".
            return null;
        }
    }
}
