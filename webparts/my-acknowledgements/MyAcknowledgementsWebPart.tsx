import { MyAcknowledgements } from '../../src/features/acknowledgements/index.js';

/**
 * "My acknowledgements" web part: the Acknowledgements area's own "My acknowledgements" (the signed-in
 * person's requests to read and acknowledge, and their history), under the web part's title.
 */
export function MyAcknowledgementsWebPart() {
  return <MyAcknowledgements />;
}
