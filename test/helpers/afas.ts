/** The harness with this package's credential types registered: what every AFAS test imports. */
import { AfasProfitApi } from '../../credentials/AfasProfitApi.credentials';
import { AfasSbApi } from '../../credentials/AfasSbApi.credentials';
import { AfasSbOAuth2Api } from '../../credentials/AfasSbOAuth2Api.credentials';
import { registerCredentialTypes } from './n8n';

registerCredentialTypes(new AfasProfitApi(), new AfasSbApi(), new AfasSbOAuth2Api());

export * from './n8n';
