/**
 * About Steady: what the cue model was trained on, with the credit its data's
 * licences ask for (CC BY 4.0 for XED and ConvAbuse, MIT for Davidson et al.).
 */
export function About() {
  return (
    <details className="about" data-testid="about">
      <summary>About Steady</summary>
      <p>
        Steady listens on this computer only. Its cue model was trained on labelled text others published, under licences
        that allow it to ship in a product:
      </p>
      <ul>
        <li>GoEmotions, Demszky et al., ACL 2020 (Apache-2.0).</li>
        <li>
          XED, Öhman et al., “XED: A Multilingual Dataset for Sentiment Analysis and Emotion Detection”, COLING 2020 (CC BY 4.0,
          github.com/Helsinki-NLP/XED).
        </li>
        <li>Topical-Chat, Gopalakrishnan et al., Interspeech 2019, Copyright Amazon.com, Inc. or its affiliates (CDLA-Sharing-1.0; no data is shipped).</li>
        <li>
          “Automated Hate Speech Detection and the Problem of Offensive Language”, Davidson et al., ICWSM 2017 (MIT licence, Copyright
          (c) 2017 Tom Davidson).
        </li>
        <li>
          ConvAbuse, Cercas Curry et al., “ConvAbuse: Data, Analysis, and Benchmarks for Nuanced Abuse Detection in Conversational AI”,
          EMNLP 2021 (CC BY 4.0, github.com/amandacurry/convabuse).
        </li>
      </ul>
      <p>Word scores from AFINN (Finn Årup Nielsen), through the sentiment package. Speech recognition by Vosk.</p>
    </details>
  );
}
