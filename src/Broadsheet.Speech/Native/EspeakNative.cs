using System.Runtime.InteropServices;

namespace Broadsheet.Speech;

/// <summary>espeak_EVENT from espeak-ng/speak_lib.h (x86-64/arm64 layout: 40 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EspeakEvent
{
    public int Type;               // espeak_EVENT_TYPE
    public uint UniqueIdentifier;
    public int TextPosition;       // 1-based, in characters of the input
    public int Length;             // characters, for WORD events
    public int AudioPosition;      // ms from the start of the message
    public int Sample;
    public nint UserData;
    public long Id;                // union { int number; const char* name; char string[8]; }
}

/// <summary>espeak_VOICE from espeak-ng/speak_lib.h.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct EspeakVoice
{
    public nint Name;
    public nint Languages;        // repeated: [priority byte][zero-terminated language], then a final zero byte
    public nint Identifier;
    public byte Gender;           // 0 none, 1 male, 2 female
    public byte Age;
    public byte Variant;
    public byte Xx1;
    public int Score;
    public nint Spare;
}

/// <summary>Function pointers into libespeak-ng. Every call must be made while holding the engine's global lock.</summary>
internal sealed unsafe class EspeakNative
{
    public const int EventListTerminated = 0;
    public const int EventWord = 1;
    public const int EventSentence = 2;
    public const int EventEnd = 5;
    public const int EventMsgTerminated = 6;

    public const int AudioOutputSynchronous = 2;
    public const int InitializeDontExit = 0x8000;
    public const uint CharsUtf8 = 1;
    public const int PosCharacter = 1;

    public const int ParamRate = 1;
    public const int ParamVolume = 2;
    public const int ParamPitch = 3;
    public const int ParamRange = 4;
    public const int ParamPunctuation = 5;
    public const int ParamCapitals = 6;
    public const int ParamWordGap = 7;

    private EspeakNative(NativeLibraryHandle lib)
    {
        Library = lib;
        Initialize = (delegate* unmanaged[Cdecl]<int, int, byte*, int, int>)lib.Export("espeak_Initialize");
        SetSynthCallback = (delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int>, void>)lib.Export("espeak_SetSynthCallback");
        SetVoiceByName = (delegate* unmanaged[Cdecl]<byte*, int>)lib.Export("espeak_SetVoiceByName");
        Synth = (delegate* unmanaged[Cdecl]<byte*, nuint, uint, int, uint, uint, uint*, void*, int>)lib.Export("espeak_Synth");
        Synchronize = (delegate* unmanaged[Cdecl]<int>)lib.Export("espeak_Synchronize");
        ListVoices = (delegate* unmanaged[Cdecl]<EspeakVoice*, EspeakVoice**>)lib.Export("espeak_ListVoices");
        SetParameter = (delegate* unmanaged[Cdecl]<int, int, int, int>)lib.Export("espeak_SetParameter");
        GetParameter = (delegate* unmanaged[Cdecl]<int, int, int>)lib.Export("espeak_GetParameter");
        Info = (delegate* unmanaged[Cdecl]<nint*, nint>)lib.Export("espeak_Info");
        TextToPhonemes = (delegate* unmanaged[Cdecl]<byte**, int, int, byte*>)lib.Export("espeak_TextToPhonemes");
    }

    public NativeLibraryHandle Library { get; }

    public delegate* unmanaged[Cdecl]<int, int, byte*, int, int> Initialize { get; }

    public delegate* unmanaged[Cdecl]<delegate* unmanaged[Cdecl]<short*, int, EspeakEvent*, int>, void> SetSynthCallback { get; }

    public delegate* unmanaged[Cdecl]<byte*, int> SetVoiceByName { get; }

    public delegate* unmanaged[Cdecl]<byte*, nuint, uint, int, uint, uint, uint*, void*, int> Synth { get; }

    public delegate* unmanaged[Cdecl]<int> Synchronize { get; }

    public delegate* unmanaged[Cdecl]<EspeakVoice*, EspeakVoice**> ListVoices { get; }

    public delegate* unmanaged[Cdecl]<int, int, int, int> SetParameter { get; }

    public delegate* unmanaged[Cdecl]<int, int, int> GetParameter { get; }

    public delegate* unmanaged[Cdecl]<nint*, nint> Info { get; }

    /// <summary>espeak_TextToPhonemes(textptr, textmode, phonememode): one clause's phonemes; advances textptr.</summary>
    public delegate* unmanaged[Cdecl]<byte**, int, int, byte*> TextToPhonemes { get; }

    public static EspeakNative? TryLoad(IEnumerable<string> candidates, out string? error)
    {
        var lib = NativeLibraryHandle.TryLoad(candidates, out error);
        if (lib is null)
        {
            return null;
        }

        try
        {
            return new EspeakNative(lib);
        }
        catch (EntryPointNotFoundException ex)
        {
            error = ex.Message;
            return null;
        }
    }
}
