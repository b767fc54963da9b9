import type { ReactNode } from 'react';
import { AcknowledgementStatusWebPart } from './acknowledgement-status/AcknowledgementStatusWebPart.js';
import { DocumentRegisterWebPart } from './document-register/DocumentRegisterWebPart.js';
import { MyAcknowledgementsWebPart } from './my-acknowledgements/MyAcknowledgementsWebPart.js';
import { MyActionsWebPart } from './my-actions/MyActionsWebPart.js';
import { campaignProperty, documentOrCampaignProperty, registerProperty, type WebPartProperty } from './properties.js';
import { RegisterViewWebPart } from './register-view/RegisterViewWebPart.js';
import type { Feature } from '../src/app/auth/scopes.js';

/** One web part: its address segment, title, properties and what it renders from them. */
export interface WebPartDefinition {
  /** `/webparts/<id>`. */
  readonly id: string;
  readonly titleKey: 'webparts.documentRegister.title' | 'webparts.acknowledgementStatus.title' | 'webparts.registerView.title' | 'webparts.myActions.title' | 'webparts.myAcknowledgements.title';
  readonly properties: readonly WebPartProperty[];
  /** The area whose scopes the web part asks for when it opens (incremental consent, src/app/auth/FeatureConsent.tsx). */
  readonly feature: Feature;
  render(values: Readonly<Record<string, string>>): ReactNode;
}

/** Every web part, in the order a page author would meet them. */
export const WEB_PARTS: readonly WebPartDefinition[] = [
  { id: 'document-register', titleKey: 'webparts.documentRegister.title', feature: 'documents', properties: [], render: () => <DocumentRegisterWebPart /> },
  {
    id: 'acknowledgement-status',
    titleKey: 'webparts.acknowledgementStatus.title',
    feature: 'acknowledgements',
    properties: [documentOrCampaignProperty, campaignProperty],
    render: (v) => <AcknowledgementStatusWebPart doc={v.doc} campaign={v.campaign} />,
  },
  { id: 'register-view', titleKey: 'webparts.registerView.title', feature: 'registers', properties: [registerProperty], render: (v) => <RegisterViewWebPart register={v.register ?? ''} /> },
  { id: 'my-actions', titleKey: 'webparts.myActions.title', feature: 'actions', properties: [], render: () => <MyActionsWebPart /> },
  { id: 'my-acknowledgements', titleKey: 'webparts.myAcknowledgements.title', feature: 'acknowledgements', properties: [], render: () => <MyAcknowledgementsWebPart /> },
];

/** The web part with this id, or undefined. */
export function webPartById(id: string | undefined): WebPartDefinition | undefined {
  return WEB_PARTS.find((w) => w.id === id);
}
