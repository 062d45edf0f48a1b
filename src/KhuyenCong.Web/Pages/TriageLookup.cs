using KhuyenCong.Web.Services;

namespace KhuyenCong.Web.Pages;

/// <summary>
/// The public status lookup of a triage record (a question, a registration): its reference and a second proof that
/// the person typed (the contact or the phone given). Field errors name their field; an unknown reference and a
/// proof that does not match get the same words, so the page says nothing about which one was wrong; any error
/// answers 400.
/// </summary>
public static class TriageLookup
{
    /// <summary>Parses a typed proof; false = refused.</summary>
    public delegate bool ProofParser(string typed, out string parsed);

    /// <summary>The second field of the lookup form: its name, the typed value and its two messages.</summary>
    public sealed record Proof(string Field, string? Typed, string Missing, string Refused, ProofParser Parse);

    /// <summary>
    /// Checks the reference (field <c>ma-so</c>, in the record type's own shape) and the proof, looks the record up
    /// when the form holds no error, and marks the page as refused when anything is wrong.
    /// </summary>
    public static async Task<T?> FindAsync<T, TStatus>(
        SitePageModel page, TriageType<TStatus> type, string? typedReference, Proof proof, Func<string, string, Task<T?>> lookup, string notFound)
        where T : class
        where TStatus : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(lookup);
        var reference = type.ParseReference(typedReference) ?? "";
        if (type.ReferenceProblem(typedReference) is { } problem)
        {
            page.ModelState.AddModelError("ma-so", problem);
        }

        var parsed = "";
        if (string.IsNullOrWhiteSpace(proof.Typed))
        {
            page.ModelState.AddModelError(proof.Field, proof.Missing);
        }
        else if (!proof.Parse(proof.Typed, out parsed))
        {
            page.ModelState.AddModelError(proof.Field, proof.Refused);
        }

        T? found = null;
        if (page.ModelState.IsValid)
        {
            found = await lookup(reference, parsed);
            if (found is null)
            {
                page.ModelState.AddModelError(string.Empty, notFound);
            }
        }

        if (!page.ModelState.IsValid)
        {
            page.MarkRefused();
        }

        return found;
    }
}
