using NetTopologySuite.Geometries;

namespace GeoTrygghet.Core.Evaluation;

/// <summary>
/// The three disjoint areas of a before/after evaluation: the treated area R, the displacement ring B of
/// <c>buffer</c> metres around it, and the control C — the one given (less any part of R and B, which
/// would count the same events twice) or else the rest of the study area outside R and B.
/// </summary>
public sealed record EvaluationAreas(Geometry Treated, Geometry Buffer, Geometry Control, double BufferMetres, string ControlSource, IReadOnlyList<string> Notes)
{
    public static EvaluationAreas Build(Geometry treated, double bufferMetres, Geometry? control, string? controlName, Geometry study, string studyName)
    {
        if (treated.IsEmpty || treated.Area <= 0)
        {
            throw new EvaluationException("the treated area is empty or has no area; give a polygon.");
        }

        if (!(bufferMetres >= 0))
        {
            throw new EvaluationException($"--buffer must be 0 or more metres, not {bufferMetres.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        var notes = new List<string>();
        treated = treated.IsValid ? treated : treated.Buffer(0);
        var outer = bufferMetres > 0 ? treated.Buffer(bufferMetres) : treated;
        var ring = bufferMetres > 0 ? outer.Difference(treated) : treated.Factory.CreatePolygon();
        Geometry controlArea;
        string source;
        if (control is not null)
        {
            control = control.IsValid ? control : control.Buffer(0);
            controlArea = control.Difference(outer);
            if (controlArea.Area < control.Area * 0.999)
            {
                notes.Add($"the control area overlapped the treated area or its buffer; {Percent(1 - (controlArea.Area / control.Area))} of it was left out so no event counts twice.");
            }

            source = $"given: {controlName}";
        }
        else
        {
            controlArea = study.Difference(outer);
            source = $"the rest of the study area ({studyName}) outside the treated area and its buffer";
        }

        if (controlArea.IsEmpty || controlArea.Area <= 0)
        {
            throw new EvaluationException(control is not null
                ? "the control area lies wholly inside the treated area and its buffer; give a control area outside them (or none: the rest of the study area)."
                : "the control area is empty once the treated area and its buffer are taken out; give a control area with --control.");
        }

        if (!outer.Intersects(study))
        {
            notes.Add("the treated area lies outside the study area.");
        }

        return new EvaluationAreas(treated, ring, controlArea, bufferMetres, source, notes);
    }

    private static string Percent(double share) => share.ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}
